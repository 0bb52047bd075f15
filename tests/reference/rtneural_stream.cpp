// Streams a fixed two-value signal through an RTNeural JSON model with RTNeural's own loader and layers
// (json_parser::parseJson, the dynamic Model<float>), and prints every step's inputs and outputs as CSV.
// Built and run by make_rtneural_stream_reference.sh against an RTNeural checkout.
#include <RTNeural/RTNeural.h>

#include <cmath>
#include <cstdio>
#include <fstream>

int main(int argc, char** argv)
{
    if (argc != 3)
    {
        std::fprintf(stderr, "usage: rtneural_stream model.json steps\n");
        return 2;
    }
    std::ifstream file(argv[1]);
    auto model = RTNeural::json_parser::parseJson<float>(file);
    if (!model)
    {
        std::fprintf(stderr, "RTNeural could not load %s\n", argv[1]);
        return 1;
    }
    model->reset();
    const int steps = std::atoi(argv[2]);
    for (int t = 0; t < steps; t++)
    {
        // Two features per step, in the range a GRU's inputs usually have.
        const float x[2] = { 2.0f * std::sin(0.3f * (float)t), std::cos(0.7f * (float)t) - 0.25f };
        model->forward(x);
        const float* y = model->getOutputs();
        std::printf("%.9g,%.9g,%.9g,%.9g\n", x[0], x[1], y[0], y[1]);
    }
    return 0;
}
