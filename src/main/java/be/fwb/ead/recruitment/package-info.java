/**
 * Recruitment: a campaign states its needs (level × subject × role × hours); candidates are entered with their
 * documents' metadata (and become vacataires with the status candidat); several evaluators score them on a
 * configurable grid, each score justified; a decision retains them (status retenu) or not (non retenu).
 */
@NullMarked
package be.fwb.ead.recruitment;

import org.jspecify.annotations.NullMarked;
