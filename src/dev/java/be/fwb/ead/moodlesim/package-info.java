/**
 * The simulated Moodle: a WireMock server that answers the core web service functions and the plugin's change feed the
 * way Moodle 5.1 does (errors inside HTTP 200 bodies, what the sync user's capabilities let through, learners' names
 * included), over one realistic, deterministic EAD data set. Used by the demo mode, the tests and the benchmarks; knobs
 * for latency, faults, the set-up steps an administrator can miss, and a ×10 scale.
 */
@NullMarked
package be.fwb.ead.moodlesim;

import org.jspecify.annotations.NullMarked;
