package be.fwb.ead.security;

/** The roles of the service. Spring authorities are {@code ROLE_} + the name. */
public enum Role {
	/** SGNE coordinator: everything, including starting syncs. */
	COORDINATOR,
	/** Quality reviewer: reads the catalogue, reviews modules. */
	REVIEWER,
	/** A vacataire: only their own data. */
	VACATAIRE
}
