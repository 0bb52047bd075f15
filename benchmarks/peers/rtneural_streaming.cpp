// RTNeural's per-step time on the streaming workloads of our `streaming` mode, with its compile-time API
// (ModelT). Built and run by benchmarks/peers/rtneural.sh against an RTNeural checkout; the backend is a
// compile-time choice (-DRTNEURAL_USE_EIGEN=1, -DRTNEURAL_USE_XSIMD=1, or neither for the STL one).
// Timed as our mode times Step: windows of 256 steps after a warm-up; min / p10 / median per step.
#include <RTNeural/RTNeural.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <random>
#include <vector>

namespace
{
std::mt19937 generator(1);

std::vector<std::vector<float>> matrix(int rows, int columns)
{
    std::normal_distribution<float> normal(0.0f, 0.3f);
    std::vector<std::vector<float>> m(rows, std::vector<float>(columns));
    for (auto& row : m)
        for (auto& v : row) v = normal(generator);
    return m;
}

template <typename Recurrent>
void randomise(Recurrent& layer, int inputs, int width, int units)
{
    layer.setWVals(matrix(inputs, width));
    layer.setUVals(matrix(units, width));
    layer.setBVals(matrix(1, width)[0]);
}

template <typename Model>
void time(const char* name, Model& model, int inputs)
{
    constexpr int window = 256, windows = 4000, signal = 1024;
    std::vector<float> x(signal * inputs);
    for (size_t i = 0; i < x.size(); i++) x[i] = std::sin(0.05f * i);
    model.reset();
    float sink = 0;
    int n = 0;
    for (int i = 0; i < 200000; i++) sink += model.forward(&x[(n++ & (signal - 1)) * inputs]);
    std::vector<double> times(windows);
    for (auto& t : times)
    {
        auto start = std::chrono::steady_clock::now();
        for (int i = 0; i < window; i++) sink += model.forward(&x[(n++ & (signal - 1)) * inputs]);
        t = std::chrono::duration<double, std::nano>(std::chrono::steady_clock::now() - start).count() / window;
    }
    std::sort(times.begin(), times.end());
    std::printf("  %s: %.1f / %.1f / %.1f ns (sink %g)\n", name, times[0], times[windows / 10], times[windows / 2], sink);
}
} // namespace

int main()
{
    using namespace RTNeural;
    std::printf("RTNeural compile-time API, %s backend; per-step time, windows of 256 steps: min / p10 / median\n",
#if RTNEURAL_USE_EIGEN
        "Eigen"
#elif RTNEURAL_USE_XSIMD
        "xsimd"
#else
        "STL"
#endif
    );
    {
        ModelT<float, 1, 1, LSTMLayerT<float, 1, 16>, DenseT<float, 16, 1>> model;
        randomise(model.get<0>(), 1, 64, 16);
        model.get<1>().setWeights(matrix(1, 16));
        time("LSTM(1->16)->Dense(1)", model, 1);
    }
    {
        ModelT<float, 8, 1, GRULayerT<float, 8, 32>, DenseT<float, 32, 1>> model;
        model.get<0>().setWVals(matrix(8, 96));
        model.get<0>().setUVals(matrix(32, 96));
        model.get<0>().setBVals(matrix(2, 96));
        model.get<1>().setWeights(matrix(1, 32));
        time("GRU(8->32)->Dense(1)", model, 8);
    }
    {
        ModelT<float, 1, 1, LSTMLayerT<float, 1, 40>, DenseT<float, 40, 1>> model;
        randomise(model.get<0>(), 1, 160, 40);
        model.get<1>().setWeights(matrix(1, 40));
        time("LSTM(1->40)->Dense(1)", model, 1);
    }
    return 0;
}
