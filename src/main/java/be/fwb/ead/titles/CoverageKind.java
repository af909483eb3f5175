package be.fwb.ead.titles;

/** How a title covers a level and subject, from the strongest: required, sufficient, shortage title. */
public enum CoverageKind {
	REQUIS, SUFFISANT, PENURIE
}
