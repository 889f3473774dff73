/*
 * Makes the Intel MKL inside PyTorch's CPU library take its AVX-512 code path on AMD processors.
 *
 * MKL picks its matrix-product kernels by CPU vendor, not by the instructions the CPU supports:
 * on an AMD EPYC with AVX-512 it falls back to slower generic kernels (measured on the course's
 * machines: 194 GFLOP/s instead of 380). MKL asks this one function whether the CPU is Intel's.
 * `./course` compiles this file and preloads it (LD_PRELOAD) into the Java processes it starts
 * (tests, the notebook kernel, the benchmark), so MKL's own definition is replaced by this one.
 * On Intel CPUs the answer is the same as MKL's; it changes nothing else.
 */
int mkl_serv_intel_cpu_true(void) {
    return 1;
}
