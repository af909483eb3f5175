/**
 * The tableau de bord ({@code /}): the catalogue's and the corps' figures, each a link to the matching list, and the
 * last sync runs, followed live while one runs ({@code /tableau-de-bord/synchronisations}); the coordinators start a
 * sync from it. It reads the catalogue, the vacataires and the sync's runs, and writes nothing.
 */
@NullMarked
package be.fwb.ead.dashboard;

import org.jspecify.annotations.NullMarked;
