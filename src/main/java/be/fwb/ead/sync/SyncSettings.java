package be.fwb.ead.sync;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When syncs run on their own. A cron of {@code -} disables that schedule.
 *
 * @param incrementalCron default every 30 minutes
 * @param fullCron default every night at 02:30
 * @param onStartup start a full sync when the service is ready (the demo mode does)
 */
@ConfigurationProperties("ead.sync")
public record SyncSettings(@DefaultValue("0 */30 * * * *") String incrementalCron,
		@DefaultValue("0 30 2 * * *") String fullCron, @DefaultValue("false") boolean onStartup) {
}
