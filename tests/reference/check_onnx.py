"""Runs the onnx package's checker, with full shape inference, on the models the ONNX tests export.

    apt-get install python3-onnx
    mkdir -p /tmp/onnx-models
    NEURALDSL_ONNX_DUMP=/tmp/onnx-models dotnet test tests/NeuralDsl.Onnx.Tests -c Release
    /usr/bin/python3 tests/reference/check_onnx.py /tmp/onnx-models

A second opinion beside ONNX Runtime, which loads some models the specification forbids. Prints one
line per model (opset, operators, inferred output shape) and exits non-zero if any model fails.
"""

import pathlib
import sys

import onnx
import onnx.checker
import onnx.shape_inference


def describe_shape(value):
    dims = value.type.tensor_type.shape.dim
    return "[" + ", ".join(d.dim_param or str(d.dim_value) for d in dims) + "]"


def main(directory):
    paths = sorted(pathlib.Path(directory).glob("*.onnx"))
    if not paths:
        print(f"no .onnx files in {directory}", file=sys.stderr)
        return 1
    failures = 0
    for path in paths:
        model = onnx.load(str(path))
        try:
            onnx.checker.check_model(model, full_check=True)
            inferred = onnx.shape_inference.infer_shapes(model, check_type=True, strict_mode=True)
        except Exception as error:  # the checker raises several exception types
            failures += 1
            print(f"FAIL {path.name}: {error}")
            continue
        opset = ", ".join(f"{o.domain or 'ai.onnx'} {o.version}" for o in model.opset_import)
        ops = sorted({node.op_type for node in model.graph.node})
        outputs = ", ".join(f"{o.name} {describe_shape(o)}" for o in inferred.graph.output)
        print(f"ok   {path.name}: opset {opset}, IR {model.ir_version}; {' '.join(ops)}; {outputs}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "."))
