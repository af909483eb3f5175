package be.fwb.ead.sync;

public enum SyncStatus {
	RUNNING, SUCCEEDED, FAILED
}
