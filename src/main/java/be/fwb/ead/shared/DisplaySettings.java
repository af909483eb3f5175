package be.fwb.ead.shared;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How dates are shown to people, in pages and exports.
 *
 * @param zone the time zone of the EAD
 */
@ConfigurationProperties("ead.display")
public record DisplaySettings(@DefaultValue(DisplaySettings.EAD_ZONE) ZoneId zone) {

	/** The zone by default: the Fédération Wallonie-Bruxelles'. */
	public static final String EAD_ZONE = "Europe/Brussels";
}
