package be.fwb.ead.workspace.plugin;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The plugin API's settings.
 *
 * @param secret the secret shared with the Moodle plugin; never logged nor returned; blank: the plugin API is off
 * @param window how far a request's timestamp may be from the service's clock, either way
 */
@ConfigurationProperties("ead.plugin")
public record PluginSettings(@Nullable String secret, @DefaultValue("300s") Duration window) {

	public boolean enabled() {
		return secret != null && !secret.isBlank();
	}

	@Override
	public String toString() {
		return "PluginSettings[secret=" + (enabled() ? "(défini)" : "(vide)") + ", window=" + window + "]";
	}
}
