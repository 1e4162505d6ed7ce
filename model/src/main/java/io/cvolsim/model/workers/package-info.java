/**
 * The {@code workers} table and cleanup (reference §5) as a library the API node, the scheduler
 * and the c-vol call; every database step is a {@link io.cvolsim.model.db.DbClient} statement.
 *
 * <ul>
 *   <li>API, before casting a cleanable operation: {@link io.cvolsim.model.workers.WorkerTable#createWorker}.
 *   <li>Consumer, around a cleanable operation (Cinder's {@code set_workers} decorator):
 *       {@link io.cvolsim.model.workers.WorkerTable#setWorker} first, keeping the returned entry,
 *       and {@link io.cvolsim.model.workers.WorkerTable#unsetWorker} in the {@code finally}.
 *   <li>c-vol and scheduler start-up ({@code init_host}) and the {@code do_cleanup} RPC:
 *       {@link io.cvolsim.model.workers.Cleaner#doCleanup} with a
 *       {@link io.cvolsim.model.workers.CleanupAction} from
 *       {@link io.cvolsim.model.workers.StandardCleanupActions}.
 *   <li>Scheduler {@code work_cleanup}: {@link io.cvolsim.model.workers.CleanupRouting}; the
 *       periodic automatic variants: {@link io.cvolsim.model.workers.AutoCleanupPlanner}.
 * </ul>
 *
 * Everything writes to one {@link io.cvolsim.model.workers.WorkerLog} per run for the checkers.
 */
package io.cvolsim.model.workers;
