/**
 * The simulated Moodle: a WireMock server that answers the core web service functions the way Moodle 4.5 does
 * (errors inside HTTP 200 bodies included), over one realistic, deterministic EAD data set. Used by the demo mode,
 * the tests and the benchmarks; knobs for latency, faults and a ×10 scale.
 */
@NullMarked
package be.fwb.ead.moodlesim;

import org.jspecify.annotations.NullMarked;
