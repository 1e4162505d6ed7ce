/**
 * The named properties a finished run is judged on (reference §8), each reading only the
 * {@link io.cvolsim.scenarios.properties.RunArtifacts}; {@link
 * io.cvolsim.scenarios.properties.PropertySuite#check} runs them all in a fixed order.
 *
 * <table>
 *   <caption>What each property reads</caption>
 *   <tr><th>property</th><th>kind</th><th>reads</th></tr>
 *   <tr><td>linearizability</td><td>always</td><td>history</td></tr>
 *   <tr><td>S1 storage exclusivity, S2 source protection</td><td>always</td><td>storage I/O log</td></tr>
 *   <tr><td>data integrity</td><td>always</td><td>storage I/O log and inventory, volumes at the end</td></tr>
 *   <tr><td>fenced writes refused</td><td>always</td><td>storage I/O log, fenced nodes</td></tr>
 *   <tr><td>S4 no lost status update</td><td>always</td><td>history, workers log (cleanup writes)</td></tr>
 *   <tr><td>S7 worker rows</td><td>always</td><td>database at the end</td></tr>
 *   <tr><td>S8, S9</td><td>always</td><td>workers log</td></tr>
 *   <tr><td>S10 lock safety</td><td>always</td><td>lock log, fenced nodes; the checker's mutex model</td></tr>
 *   <tr><td>L1 eventual finality</td><td>eventually</td><td>database at the end, broker log (lost jobs)</td></tr>
 *   <tr><td>L3 lock release</td><td>eventually</td><td>lock log</td></tr>
 *   <tr><td>reachability goals</td><td>sometimes</td><td>workers, storage, lock and broker logs</td></tr>
 * </table>
 *
 * <p>A property whose precondition never arose is NOT_EXERCISED, never HOLDS; a spent budget or
 * a question the logs cannot answer is UNKNOWN. Caveats the reference asks to see separately
 * are witness lines starting with "caveat" on a HOLDS result.
 */
package io.cvolsim.scenarios.properties;
