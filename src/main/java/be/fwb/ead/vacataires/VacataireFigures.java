package be.fwb.ead.vacataires;

/**
 * The vacataires at a glance.
 *
 * @param total every vacataire known, whatever the status
 * @param active vacataires with the status {@code ACTIF}
 * @param withoutModule vacataires retained or active who hold no role on a current module (candidates and leavers need
 * none)
 */
public record VacataireFigures(long total, long active, long withoutModule) {
}
