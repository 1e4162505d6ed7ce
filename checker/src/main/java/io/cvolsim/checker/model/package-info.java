/**
 * Sequential specifications the checker holds histories against, and the registry that names
 * them. Add a model by implementing {@link io.cvolsim.checker.model.Model} and registering it.
 */
package io.cvolsim.checker.model;
