package io.cvolsim.model.api;

import io.cvolsim.kernel.api.Failure;
import io.cvolsim.kernel.api.Incoming;
import io.cvolsim.kernel.api.Node;
import io.cvolsim.kernel.api.NodeContext;
import io.cvolsim.kernel.api.Outcome;
import io.cvolsim.kernel.api.SimFuture;
import io.cvolsim.model.api.ApiResponse.Code;
import io.cvolsim.model.config.ApiTransition;
import io.cvolsim.model.db.Assignment;
import io.cvolsim.model.db.Condition;
import io.cvolsim.model.db.Database;
import io.cvolsim.model.db.DbClient;
import io.cvolsim.model.db.Row;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A cinder-api process. Stateless: it loads the volume, applies the transition of reference §2.2
 * either as one conditional update (CAS) or as read-check-write (V1), and casts the follow-up
 * work. A statement that times out leaves the outcome unknown, so the client gets an error.
 */
public final class VolumeApiNode implements Node {
  private final NodeContext context;
  private final ApiOptions options;
  private final DbClient db;
  private final JobDispatcher dispatcher;

  public VolumeApiNode(NodeContext context, ApiOptions options, JobDispatcher dispatcher) {
    this.context = context;
    this.options = options;
    this.dispatcher = dispatcher;
    this.db = new DbClient(context, options.database(), options.statementTimeoutNanos());
  }

  @Override
  public void start() {
    // Stateless: nothing to recover.
  }

  @Override
  public void onMessage(Incoming incoming) {
    if (!(incoming.message() instanceof VolumeRequest request)) {
      throw new IllegalStateException("the API only serves volume requests: " + incoming.message());
    }
    handle(request).whenComplete(outcome -> context.reply(incoming, responseFor(outcome)));
  }

  private static ApiResponse responseFor(Outcome<ApiResponse> outcome) {
    if (outcome instanceof Outcome.Success<ApiResponse> success) {
      return success.value();
    }
    Failure failure = ((Outcome.Failed<ApiResponse>) outcome).failure();
    return ApiResponse.of(Code.ERROR, "database unreachable: " + failure);
  }

  private SimFuture<ApiResponse> handle(VolumeRequest request) {
    if (request instanceof VolumeRequest.Create create) {
      return create(create);
    }
    return db.get(Database.VOLUMES, request.volumeId()).flatMap(volume -> {
      if (volume == null || volume.isTrue("deleted")) {
        return SimFuture.succeeded(ApiResponse.of(Code.NOT_FOUND, "volume " + request.volumeId()));
      }
      if (request instanceof VolumeRequest.Show) {
        return SimFuture.succeeded(new ApiResponse(Code.ACCEPTED, "show", volume));
      }
      Transition transition = VolumeTransitions.of(request, context.localTimeNanos());
      SimFuture<Boolean> applied = options.transition() == ApiTransition.CAS
          ? db.conditionalUpdate(Database.VOLUMES, request.volumeId(), transition.expected(),
              transition.values())
          : readCheckWrite(volume, transition);
      return applied.map(accepted -> afterTransition(request, transition, accepted, volume));
    });
  }

  private ApiResponse afterTransition(VolumeRequest request, Transition transition, boolean accepted,
      Row volume) {
    if (!accepted) {
      context.probe("api.transition-rejected");
      return new ApiResponse(Code.REJECTED, "invalid volume: " + transition.expected(), volume);
    }
    if (transition.job() != null) {
      dispatcher.dispatch(transition.job());
    }
    return new ApiResponse(Code.ACCEPTED, request.operation(), volume);
  }

  /**
   * The pre-Mitaka way: check the row already read, in this process, then write the values
   * unconditionally. Another API node may change the row between the read and the write.
   */
  private SimFuture<Boolean> readCheckWrite(Row volume, Transition transition) {
    return db.select(Database.SNAPSHOTS, Condition.eq("volume_id", volume.get("id"))).flatMap(snapshots -> {
      Condition.RowSource seen = table -> Database.SNAPSHOTS.equals(table) ? snapshots : List.of();
      if (!transition.expected().matches(volume, seen)) {
        return SimFuture.succeeded(false);
      }
      SortedMap<String, Object> values = new TreeMap<>();
      for (Assignment assignment : transition.values()) {
        values.put(assignment.column(), assignment.valueFor(volume, seen));
      }
      return db.save(Database.VOLUMES, volume.get("id"), values);
    });
  }

  private SimFuture<ApiResponse> create(VolumeRequest.Create create) {
    SortedMap<String, Object> row = Row.values("id", create.volumeId(), "status", "creating",
        "attach_status", "detached", "multiattach", false, "volume_type_id", create.volumeTypeId(),
        "host", options.defaultHost(), "deleted", false, "created_at", context.localTimeNanos());
    return db.insert(Database.VOLUMES, row).map(inserted -> {
      if (inserted == null) {
        return ApiResponse.of(Code.CONFLICT, "volume " + create.volumeId() + " exists");
      }
      dispatcher.dispatch(new VolumeJob.CreateVolume(create.volumeId()));
      return new ApiResponse(Code.ACCEPTED, "create", inserted);
    });
  }
}
