package io.cvolsim.model.api;

import io.cvolsim.model.quota.QuotaUsage;
import io.cvolsim.kernel.api.Failure;
import io.cvolsim.kernel.api.Incoming;
import io.cvolsim.kernel.api.Message;
import io.cvolsim.kernel.api.Node;
import io.cvolsim.kernel.api.NodeContext;
import io.cvolsim.kernel.api.Outcome;
import io.cvolsim.kernel.api.SimFuture;
import io.cvolsim.model.api.ApiResponse.Code;
import io.cvolsim.model.config.ApiTransition;
import io.cvolsim.model.config.ErrorReporting;
import io.cvolsim.model.config.SourceDelete;
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
 * as one conditional update (CAS), as read-check-write (V1) or as a SELECT ... FOR UPDATE
 * transaction (V3), and hands the follow-up
 * work to the rpcapi layer. A statement that times out leaves the outcome unknown, so the client
 * gets an error.
 */
public final class VolumeApiNode implements Node {
  private final NodeContext context;
  private final ApiOptions options;
  private final DbClient db;
  private final JobDispatcher dispatcher;
  private final ApiSideRequests sideRequests;
  private final LockingTransition lockingTransition;
  /** Null when the API serves only the legacy attach calls. */
  private final AttachmentRequests attachments;

  public VolumeApiNode(NodeContext context, ApiOptions options, JobDispatcher dispatcher) {
    this(context, options, dispatcher, null);
  }

  /** An API node that also serves the attachments API when {@code attachmentApi} is not null. */
  public VolumeApiNode(NodeContext context, ApiOptions options, JobDispatcher dispatcher,
      AttachmentApiOptions attachmentApi) {
    this.context = context;
    this.options = options;
    this.dispatcher = dispatcher;
    this.db = new DbClient(context, options.database(), options.statementTimeoutNanos());
    this.sideRequests = new ApiSideRequests(context, db, dispatcher,
        new QuotaUsage(context, db, options.quota()), options.workersClock());
    this.lockingTransition = new LockingTransition(db);
    this.attachments = attachmentApi == null ? null : new AttachmentRequests(context, db, dispatcher, attachmentApi);
  }

  @Override
  public void start() {
    // Stateless: nothing to recover.
  }

  @Override
  public void onMessage(Incoming incoming) {
    Message message = incoming.message();
    if (message instanceof WorkersCleanupRequest cleanup) {
      sideRequests.workersCleanup(cleanup).whenComplete(outcome -> {
        if (outcome instanceof Outcome.Success<? extends Message> answer) {
          context.reply(incoming, answer.value());
        } else {
          context.replyError(incoming, "work_cleanup failed: " + ((Outcome.Failed<?>) outcome).failure());
        }
      });
      return;
    }
    if (!(message instanceof VolumeRequest request)) {
      throw new IllegalStateException("the API does not serve " + message);
    }
    handle(request).whenComplete(outcome -> context.reply(incoming, responseFor(outcome)));
  }

  private static ApiResponse responseFor(Outcome<ApiResponse> outcome) {
    if (outcome instanceof Outcome.Success<ApiResponse> success) {
      return success.value();
    }
    Failure failure = ((Outcome.Failed<ApiResponse>) outcome).failure();
    return ApiResponse.of(Code.ERROR, "internal error: " + failure);
  }

  private SimFuture<ApiResponse> handle(VolumeRequest request) {
    if (request instanceof VolumeRequest.Create create) {
      return sideRequests.create(create);
    }
    return db.get(Database.VOLUMES, request.volumeId()).flatMap(volume -> {
      if (volume == null || volume.isTrue("deleted")) {
        return SimFuture.succeeded(ApiResponse.of(Code.NOT_FOUND, "volume " + request.volumeId()));
      }
      if (request instanceof VolumeRequest.Show) {
        return SimFuture.succeeded(new ApiResponse(Code.ACCEPTED, "show", volume));
      }
      SimFuture<ApiResponse> attachment = attachments == null ? null : attachments.handle(request, volume);
      if (attachment != null) {
        return attachment;
      }
      SimFuture<ApiResponse> other = sideRequests.handle(request, volume);
      return other != null ? other : transition(request, volume);
    });
  }

  private SimFuture<ApiResponse> transition(VolumeRequest request, Row volume) {
    if (request instanceof VolumeRequest.Delete && volume.get("host") == null) {
      return sideRequests.destroyUnscheduled(volume, options.unscheduledDelete());
    }
    Transition transition = VolumeTransitions.of(request, context.localTimeNanos(), options.sourceDelete(),
        options.unreserve());
    SimFuture<Boolean> applied = apply(request.volumeId(), volume, transition);
    return applied.flatMap(accepted -> {
      if (!accepted) {
        context.probe("api.transition-rejected");
        noteRefusedSourceDelete(request, volume);
        return SimFuture.succeeded(new ApiResponse(Code.REJECTED, "invalid volume: " + transition.expected(), volume));
      }
      SimFuture<Void> handedOn = transition.job() == null ? SimFuture.succeeded(null)
          : dispatcher.dispatch(transition.job(), volume);
      return handedOn.map(ignored -> new ApiResponse(Code.ACCEPTED, request.operation(), volume));
    });
  }

  private SimFuture<Boolean> apply(String volumeId, Row volume, Transition transition) {
    if (options.transition() == ApiTransition.CAS) {
      return conditionalUpdate(volumeId, transition, 0);
    }
    return options.transition() == ApiTransition.READ_CHECK_WRITE ? readCheckWrite(volume, transition)
        : lockingTransition.apply(volumeId, transition);
  }

  /** Bound of the per-condition loop under {@link ErrorReporting#PRECISE_BOUNDED}. */
  private static final int ERROR_LOOP_RETRIES_MAX = 3;

  /**
   * The CAS, and under V2's precise error reporting the loop after a failure: re-read the row,
   * check the expected values in this process, and when they all hold (so the failed part was a
   * filter these checks cannot see, or a race) try again.
   */
  private SimFuture<Boolean> conditionalUpdate(String volumeId, Transition transition, int retries) {
    SimFuture<Boolean> attempt = db.conditionalUpdate(Database.VOLUMES, volumeId, transition.expected(),
        transition.values());
    if (options.errorReporting() == ErrorReporting.GENERIC) {
      return attempt;
    }
    return attempt.flatMap(accepted -> accepted ? SimFuture.succeeded(true)
        : db.get(Database.VOLUMES, volumeId).flatMap(row -> {
          boolean looksFine = row != null && Condition.expectedValuesOnly(transition.expected())
              .matches(row, table -> List.of());
          boolean capped = options.errorReporting() == ErrorReporting.PRECISE_BOUNDED && retries >= ERROR_LOOP_RETRIES_MAX;
          if (!looksFine || capped) {
            return SimFuture.succeeded(false);
          }
          context.probe("api.error-loop-retry");
          return conditionalUpdate(volumeId, transition, retries + 1);
        }));
  }

  /** V14's cost, made visible: a delete refused while the volume is a clone's source in progress. */
  private void noteRefusedSourceDelete(VolumeRequest request, Row volume) {
    if (request instanceof VolumeRequest.Delete && options.sourceDelete() == SourceDelete.REJECT) {
      db.select(Database.VOLUMES, Condition.all(Condition.eq("source_volid", volume.get("id")),
          Condition.eq("status", "creating"))).whenComplete(found -> {
            if (found instanceof Outcome.Success<List<Row>> rows && !rows.value().isEmpty()) {
              context.probe("api.clone-source-delete-refused");
            }
          });
    }
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
}
