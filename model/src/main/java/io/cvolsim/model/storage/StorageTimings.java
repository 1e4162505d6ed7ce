package io.cvolsim.model.storage;

import static io.cvolsim.kernel.api.Durations.millis;
import static io.cvolsim.kernel.api.Durations.seconds;

import java.util.Objects;

/**
 * How long the array takes for each kind of work; each call draws its own duration from the
 * range of its {@link StorageOperation.Category}. A copy spreads its duration over its blocks.
 */
public record StorageTimings(DurationRange create, DurationRange copy, DurationRange delete,
    DurationRange resize, DurationRange export, DurationRange cleanup, DurationRange dataWrite) {

  public StorageTimings {
    Objects.requireNonNull(create, "create");
    Objects.requireNonNull(copy, "copy");
    Objects.requireNonNull(delete, "delete");
    Objects.requireNonNull(resize, "resize");
    Objects.requireNonNull(export, "export");
    Objects.requireNonNull(cleanup, "cleanup");
    Objects.requireNonNull(dataWrite, "dataWrite");
  }

  /** Plausible array timings: copies take seconds, so faults can land in the middle of one. */
  public static StorageTimings defaults() {
    return new StorageTimings(DurationRange.between(millis(200), seconds(1)),
        DurationRange.between(seconds(2), seconds(10)), DurationRange.between(millis(200), seconds(2)),
        DurationRange.between(millis(200), seconds(1)), DurationRange.between(millis(50), millis(500)),
        DurationRange.between(millis(50), millis(500)), DurationRange.between(millis(1), millis(10)));
  }

  /** The same duration range for every kind of work (tests). */
  public static StorageTimings uniform(DurationRange range) {
    return new StorageTimings(range, range, range, range, range, range, range);
  }

  public DurationRange rangeFor(StorageOperation.Category category) {
    return switch (category) {
      case CREATE -> create;
      case COPY -> copy;
      case DELETE -> delete;
      case RESIZE -> resize;
      case EXPORT -> export;
      case CLEANUP -> cleanup;
      case DATA -> dataWrite;
      case ADMIN -> DurationRange.between(0, 0);
    };
  }
}
