package io.cvolsim.scenarios.property;

import io.cvolsim.kernel.choice.RecordingChoices;
import io.cvolsim.kernel.sim.Simulation;
import io.cvolsim.scenarios.run.RunSpec;
import io.cvolsim.scenarios.run.Runner;
import io.cvolsim.scenarios.run.World;

/**
 * A dry run that stops at a number of draws: it simulates as {@link Runner} does, without
 * checking, and says whether the run would make more draws than allowed. A candidate within
 * the limit is then run for real, so this costs at most as much again as a run the shrinker
 * could keep.
 */
final class DrawLimit {
  private DrawLimit() {}

  static boolean exceeded(RunSpec spec, int drawsMax) {
    RecordingChoices choices = new RecordingChoices(spec.replaySource(), drawsMax);
    Simulation simulation = Runner.simulationFor(spec, choices, false);
    try {
      World world = Runner.worldFor(spec, simulation);
      world.build();
      simulation.runUntil(world.endNanos());
      return false;
    } catch (RuntimeException e) {
      if (choices.drawCount() >= drawsMax) {
        return true; // the draw budget stopped it, wrapped or not
      }
      throw e;
    }
  }
}
