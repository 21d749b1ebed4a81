package org.duban.bench;

import java.util.Arrays;
import java.util.concurrent.Callable;

/** Wall-clock timing of one call: warm-up runs first, then percentiles over the measured runs. */
final class Timing {

  record Result(String name, int runs, double p50, double p95, double max, String size) {
    @Override
    public String toString() {
      return String.format(
          "%-58s runs %3d   p50 %7.1f ms   p95 %7.1f ms   max %7.1f ms   %s",
          name, runs, p50, p95, max, size);
    }
  }

  private Timing() {}

  static Result measure(String name, int warmUp, int runs, Callable<?> call) throws Exception {
    Object last = null;
    for (int i = 0; i < warmUp; i++) {
      last = call.call();
    }
    double[] millis = new double[runs];
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      last = call.call();
      millis[i] = (System.nanoTime() - start) / 1e6;
    }
    Arrays.sort(millis);
    return new Result(
        name,
        runs,
        millis[runs / 2],
        millis[(int) Math.ceil(runs * 0.95) - 1],
        millis[runs - 1],
        describe(last));
  }

  private static String describe(Object result) {
    if (result instanceof java.util.Collection<?> c) {
      return c.size() + " rows";
    }
    if (result instanceof byte[] bytes) {
      return bytes.length / 1024 + " KiB";
    }
    return String.valueOf(result);
  }
}
