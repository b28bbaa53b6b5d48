package io.github.qtogglemqtt.it.bench;

import io.github.qtogglemqtt.core.handler.EventHandler;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * CPU time per event of the scenarios of {@link CorePathBenchmark}, read from the thread's CPU
 * clock rather than the wall clock: on a shared, loaded machine JMH's wall-clock figures include
 * the time the thread waits for a core, this does not. Each scenario is warmed up, then measured in
 * rounds; the median round is printed (ns of CPU per event and the ratio to the naive baseline).
 *
 * <p>{@code java -cp ... io.github.qtogglemqtt.it.bench.CorePathCpuTime [seconds per round]}
 */
public final class CorePathCpuTime {
  private static final int ROUNDS = 7;
  private static volatile Object sink;

  private CorePathCpuTime() {}

  public static void main(String[] args) {
    double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 1.0;
    Map<String, Supplier<Runnable>> scenarios = new LinkedHashMap<>();
    for (String engine : List.of("pebble", "mustache")) {
      scenarios.put("naive " + engine, () -> naive(engine));
      for (String payload : List.of("default", "template")) {
        scenarios.put("event " + engine + " " + payload, () -> event(engine, payload));
      }
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Map<String, Double> results = new LinkedHashMap<>();
    for (Map.Entry<String, Supplier<Runnable>> scenario : scenarios.entrySet()) {
      Runnable step = scenario.getValue().get();
      run(step, threads, seconds * 3); // warm-up
      List<Double> rounds = new ArrayList<>();
      for (int i = 0; i < ROUNDS; i++) {
        rounds.add(run(step, threads, seconds));
      }
      rounds.sort(null);
      results.put(scenario.getKey(), rounds.get(ROUNDS / 2));
    }
    for (Map.Entry<String, Double> result : results.entrySet()) {
      String engine = result.getKey().contains("pebble") ? "pebble" : "mustache";
      double naive = results.get("naive " + engine);
      System.out.printf(
          Locale.ROOT,
          "%-28s %9.0f ns CPU/event   %5.2f x naive%n",
          result.getKey(),
          result.getValue(),
          result.getValue() / naive);
    }
  }

  /** Runs the step for about {@code seconds} of CPU; returns CPU ns per step. */
  private static double run(Runnable step, ThreadMXBean threads, double seconds) {
    long budget = (long) (seconds * 1e9);
    long start = threads.getCurrentThreadCpuTime();
    long now = start;
    long steps = 0;
    while (now - start < budget) {
      for (int i = 0; i < 1000; i++) {
        step.run();
      }
      steps += 1000;
      now = threads.getCurrentThreadCpuTime();
    }
    return (double) (now - start) / steps;
  }

  private static Runnable event(String engine, String payload) {
    EventHandler handler =
        BenchDevice.handler(
            BenchDevice.settings(BenchDevice.entry(engine, payload), BenchDevice.engine(engine)));
    CorePathBenchmark.Events events = new CorePathBenchmark.Events();
    return () -> sink = handler.processNow(events.next());
  }

  private static Runnable naive(String engine) {
    CorePathBenchmark bench = new CorePathBenchmark();
    CorePathBenchmark.Pieces pieces = new CorePathBenchmark.Pieces();
    pieces.engine = engine;
    pieces.setUp();
    CorePathBenchmark.Events events = new CorePathBenchmark.Events();
    return () -> sink = bench.naive(pieces, events);
  }
}
