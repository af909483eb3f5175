package be.fwb.ead.vacataires;

/**
 * The vacataires at a glance.
 *
 * @param total every vacataire known, whatever the status
 * @param active vacataires with the status {@code ACTIF}
 * @param withoutModule vacataires who hold no role on a current module
 */
public record VacataireFigures(long total, long active, long withoutModule) {
}
