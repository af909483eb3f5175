/**
 * Titles (titres requis): each teaching qualification with the levels and subjects it covers and how (requis,
 * suffisant, de pénurie), and the titles each vacataire holds. Assignments ask here whether a vacataire may teach a
 * module.
 */
@NullMarked
package be.fwb.ead.titles;

import org.jspecify.annotations.NullMarked;
