package be.fwb.ead.vacataires;

import java.util.List;

import reactor.core.publisher.Mono;

/**
 * The vacataires who hold a Moodle role or a current assignment on a module that none of their titles covers
 * (derogations included): the import page shows them, since the import records titles in bulk. Those facts lie in the
 * titles, the assignments and the catalogue: the read side joins them (it implements this, in {@code analysis}), so
 * that the vacataires do not depend on it.
 */
public interface TitleGaps {

	/** A vacataire lacking a title, and on how many modules. */
	record Lacking(long id, String name, int total) {
	}

	/** Those vacataires, the most modules first. */
	Mono<List<Lacking>> lackingTitle();
}
