package io.cvolsim.kernel.bench;

import io.cvolsim.kernel.api.Durations;
import io.cvolsim.kernel.choice.RecordingChoices;
import io.cvolsim.kernel.sim.ChatterWorld;
import io.cvolsim.kernel.sim.Simulation;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Kernel throughput on a scheduling-heavy workload: five nodes calling each other over a lossy
 * network. The score is simulated events per second of wall time (events per operation divided
 * by the operation's time). Run with {@code scripts/bench-kernel}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EventLoopBenchmark {
  @Param({"true", "false"})
  public boolean keepTraceLines;

  /** One operation: 10 simulated seconds of chatter; its event count is printed once. */
  @Benchmark
  public long chatterTenSeconds() {
    Simulation simulation = ChatterWorld.build(RecordingChoices.seeded(42), 5, keepTraceLines);
    simulation.runUntil(Durations.seconds(10));
    return simulation.eventCount();
  }

  /** Prints how many events one operation runs, to turn operations per second into events. */
  public static void main(String[] args) {
    Simulation simulation = ChatterWorld.build(RecordingChoices.seeded(42), 5, false);
    simulation.runUntil(Durations.seconds(10));
    System.out.println("events per operation: " + simulation.eventCount());
  }
}
