package be.fwb.ead.sync;

import be.fwb.ead.shared.Conflict;

/** Another sync run holds the lock, on this instance or another one. */
public class SyncAlreadyRunning extends Conflict {

	SyncAlreadyRunning() {
		super("Une synchronisation est déjà en cours ; attendez sa fin avant d’en lancer une autre.");
	}
}
