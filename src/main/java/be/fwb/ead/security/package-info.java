/**
 * Who may do what: accounts with the roles COORDINATOR, REVIEWER and VACATAIRE, bearer tokens for API clients, and
 * the rules that authorise every endpoint by role.
 */
@NullMarked
package be.fwb.ead.security;

import org.jspecify.annotations.NullMarked;
