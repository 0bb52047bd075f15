/*
 * FANN side of the peer comparison (benchmarks/peers/run.sh): the R1-R3 workloads with FANN 2.2's
 * float build (floatfann.h, -lfloatfann), single-threaded by construction.
 *
 * One JSON line per measurement, by the protocol of the other peers: warm up for PEER_WARMUP seconds
 * (1), then PEER_REPEATS (3) loops each running for at least PEER_SECONDS (0.5) in chunks of about
 * a millisecond, median time per call.
 *
 * What FANN lacks, and what stands in for it: no ReLU (FANN_LINEAR_PIECE, the identity clamped to
 * [0, 1]); no softmax (FANN_SIGMOID outputs); no batches (a batch is a loop over fann_run); no Adam or
 * mini-batch SGD (fann_train is one incremental backpropagation step on one sample, with the MSE
 * error). So FANN's R2 training is per-sample SGD, timed over at most PEER_FANN_EPOCH_SECONDS (4) of
 * a shuffled epoch and reported in samples per second.
 */
#include <floatfann.h>

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum { BATCH = 64, MNIST_SAMPLES = 60000, SMALL_SAMPLES = 64, FEATURE_SEED = 1, TARGET_SEED = 2 };

static double warmup_s, loop_s, fann_epoch_s;
static int repeats, epochs;
static volatile float sink;

static double setting(const char *name, double fallback)
{
    const char *text = getenv(name);
    double value = text ? strtod(text, NULL) : 0;
    return value > 0 ? value : fallback;
}

static double now_s(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

/* The hash of SyntheticData.cs (lowbias32 over a Weyl sequence). */
static uint32_t hash32(uint32_t index, uint32_t seed)
{
    uint32_t h = index * 2654435761u + seed * 2246822519u;
    h ^= h >> 16;
    h *= 0x7FEB352Du;
    h ^= h >> 15;
    h *= 0x846CA68Bu;
    h ^= h >> 16;
    return h;
}

static float unit(uint32_t index, uint32_t seed) { return (float)(hash32(index, seed) >> 8) * (1.0f / (1 << 24)); }

static float *regression_features(int samples, int features)
{
    float *x = malloc(sizeof(float) * (size_t)samples * features);
    for (uint32_t i = 0; i < (uint32_t)(samples * features); i++) x[i] = 2.0f * unit(i, FEATURE_SEED) - 1.0f;
    return x;
}

static float *regression_targets(int samples)
{
    float *y = malloc(sizeof(float) * (size_t)samples);
    for (uint32_t i = 0; i < (uint32_t)samples; i++) y[i] = 2.0f * unit(i, TARGET_SEED) - 1.0f;
    return y;
}

static int compare_doubles(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static void emit(const char *workload, const char *op, const char *metric, const double *samples, int count)
{
    double sorted[64];
    memcpy(sorted, samples, sizeof(double) * count);
    qsort(sorted, count, sizeof(double), compare_doubles);
    double median = count % 2 ? sorted[count / 2] : (sorted[count / 2 - 1] + sorted[count / 2]) / 2;
    printf("{\"peer\": \"fann\", \"workload\": \"%s\", \"op\": \"%s\", \"%s\": %.17g, \"samples\": [", workload, op, metric, median);
    for (int i = 0; i < count; i++) printf(i ? ", %.17g" : "%.17g", samples[i]);
    printf("]}\n");
    fflush(stdout);
}

/* One operation under test: its network, its data, and a counter cycling through samples. */
struct operation {
    struct fann *ann;
    float *features, *targets;
    int inputs, outputs, count, next;
    float (*run)(struct operation *);
};

static float predict_one(struct operation *op)
{
    op->next = (op->next + 1) % BATCH;
    return fann_run(op->ann, op->features + (size_t)op->next * op->inputs)[0];
}

static float predict_batch(struct operation *op)
{
    float last = 0;
    for (int n = 0; n < BATCH; n++) last += fann_run(op->ann, op->features + (size_t)n * op->inputs)[0];
    return last;
}

static float train_one(struct operation *op)
{
    op->next = (op->next + 1) % op->count;
    fann_train(op->ann, op->features + (size_t)op->next * op->inputs, op->targets + (size_t)op->next * op->outputs);
    return fann_get_MSE(op->ann);
}

static void measure(const char *workload, const char *op_name, struct operation *op)
{
    float total = 0;
    double start = now_s();
    long calls = 0;
    while (now_s() - start < warmup_s) {
        total += op->run(op);
        calls++;
    }
    long chunk = (long)(1e-3 / ((now_s() - start) / calls));
    if (chunk < 1) chunk = 1;
    double samples[64];
    for (int r = 0; r < repeats; r++) {
        double elapsed;
        calls = 0;
        start = now_s();
        do {
            for (long i = 0; i < chunk; i++) total += op->run(op);
            calls += chunk;
            elapsed = now_s() - start;
        } while (elapsed < loop_s);
        samples[r] = elapsed * 1e9 / calls;
    }
    sink += total;
    emit(workload, op_name, "median_ns", samples, repeats);
}

static struct fann *tanh_stack(unsigned int inputs, unsigned int layers, unsigned int width)
{
    unsigned int sizes[16];
    sizes[0] = inputs;
    for (unsigned int i = 1; i <= layers; i++) sizes[i] = width;
    sizes[layers + 1] = 1;
    struct fann *ann = fann_create_standard_array(layers + 2, sizes);
    fann_set_activation_function_hidden(ann, FANN_SIGMOID_SYMMETRIC); /* tanh(steepness * x) */
    fann_set_activation_steepness_hidden(ann, 1.0f);
    fann_set_activation_function_output(ann, FANN_LINEAR);
    fann_set_activation_steepness_output(ann, 1.0f);
    fann_set_learning_rate(ann, 0.01f);
    fann_set_train_error_function(ann, FANN_ERRORFUNC_LINEAR);
    return ann;
}

static void regression_workload(const char *workload, struct fann *ann, int inputs)
{
    struct operation op = { ann, regression_features(SMALL_SAMPLES, inputs), regression_targets(SMALL_SAMPLES), inputs, 1, SMALL_SAMPLES, 0, predict_one };
    measure(workload, "infer-1", &op);
    op.run = predict_batch;
    measure(workload, "infer-b64", &op);
    op.run = train_one;
    measure(workload, "train-1", &op);
    free(op.features);
    free(op.targets);
    fann_destroy(ann);
}

static void mnist_workload(void)
{
    float *x = malloc(sizeof(float) * (size_t)MNIST_SAMPLES * 784);
    float *y = calloc((size_t)MNIST_SAMPLES * 10, sizeof(float));
    for (uint32_t i = 0; i < (uint32_t)MNIST_SAMPLES * 784; i++) x[i] = unit(i, FEATURE_SEED);
    for (uint32_t n = 0; n < MNIST_SAMPLES; n++) y[n * 10 + hash32(n, TARGET_SEED) % 10] = 1.0f;

    struct fann *ann = fann_create_standard(4, 784, 128, 64, 10);
    fann_set_activation_function_hidden(ann, FANN_LINEAR_PIECE);
    fann_set_activation_function_output(ann, FANN_SIGMOID);
    fann_set_activation_steepness_output(ann, 1.0f);
    fann_set_learning_rate(ann, 1e-3f);
    fann_set_train_error_function(ann, FANN_ERRORFUNC_LINEAR);

    struct operation op = { ann, x, y, 784, 10, MNIST_SAMPLES, 0, predict_one };
    measure("R2", "infer-1", &op);
    op.run = predict_batch;
    measure("R2", "infer-b64", &op);

    /* Per-sample training through a shuffled epoch (Fisher-Yates driven by the same hash). */
    int *order = malloc(sizeof(int) * MNIST_SAMPLES);
    for (int i = 0; i < MNIST_SAMPLES; i++) order[i] = i;
    for (int i = MNIST_SAMPLES - 1; i > 0; i--) {
        int j = (int)(hash32((uint32_t)i, 7) % (uint32_t)(i + 1));
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
    }
    for (int n = 0; n < 20 * BATCH; n++) fann_train(ann, x + (size_t)order[n] * 784, y + (size_t)order[n] * 10);
    double samples[64];
    for (int e = 0; e < epochs; e++) {
        double start = now_s();
        int n = 0;
        while (n < MNIST_SAMPLES && (n % 256 != 0 || now_s() - start < fann_epoch_s)) {
            fann_train(ann, x + (size_t)order[n] * 784, y + (size_t)order[n] * 10);
            n++;
        }
        samples[e] = n / (now_s() - start);
    }
    sink += fann_get_MSE(ann);
    emit("R2", "epoch-b64-adam", "samples_per_s", samples, epochs);
    free(order);
    free(x);
    free(y);
    fann_destroy(ann);
}

int main(void)
{
    warmup_s = setting("PEER_WARMUP", 1.0);
    loop_s = setting("PEER_SECONDS", 0.5);
    repeats = (int)setting("PEER_REPEATS", 3);
    epochs = (int)setting("PEER_EPOCHS", 2);
    fann_epoch_s = setting("PEER_FANN_EPOCH_SECONDS", 4);
    if (repeats > 64) repeats = 64;
    if (epochs > 64) epochs = 64;

    regression_workload("R1", tanh_stack(8, 2, 16), 8);
    mnist_workload();
    regression_workload("R3", tanh_stack(32, 10, 32), 32);
    return 0;
}
