/**
 * The demo mode ({@code demo} profile): the simulated Moodle with the realistic EAD site, demo accounts, and a full
 * sync at start-up, so that the service is browsable at once.
 */
@NullMarked
package be.fwb.ead.demo;

import org.jspecify.annotations.NullMarked;
