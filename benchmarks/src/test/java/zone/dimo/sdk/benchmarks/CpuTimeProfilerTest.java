package zone.dimo.sdk.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collection;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** Runs one call-overhead benchmark in this JVM under JMH with the profiler attached. */
class CpuTimeProfilerTest {
  @Test
  void reportsTheProcessCpuTimePerCall() throws Exception {
    Collection<RunResult> results = new Runner(new OptionsBuilder()
        .include(CallOverheadBenchmark.class.getName() + ".sync_plain$")
        .forks(0)
        .warmupIterations(0)
        .measurementIterations(1)
        .measurementTime(TimeValue.milliseconds(300))
        .mode(Mode.AverageTime)
        .addProfiler(CpuTimeProfiler.class)
        .shouldFailOnError(true)
        .build()).run();

    assertEquals(1, results.size());
    Result<?> cpu = results.iterator().next().getSecondaryResults().get(CpuTimeProfiler.METRIC);
    assertEquals("us/op", cpu.getScoreUnit());
    // A loopback call costs the process some CPU, and less than the 300 ms the iteration lasted.
    assertTrue(cpu.getScore() > 0 && cpu.getScore() < 300_000, "cpu µs/op = " + cpu.getScore());
  }
}
