package be.fwb.ead.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param adminUsername the first coordinator, created when no account exists ({@code EAD_ADMIN_USERNAME})
 * @param adminPassword its password ({@code EAD_ADMIN_PASSWORD}); never logged
 * @param tokenTtl how long a bearer token from {@code POST /api/auth/token} lives
 */
@ConfigurationProperties("ead.security")
public record SecuritySettings(@DefaultValue("") String adminUsername, @DefaultValue("") String adminPassword,
		@DefaultValue("8h") Duration tokenTtl) {

	@Override
	public String toString() {
		return "SecuritySettings[adminUsername=" + adminUsername + ", adminPassword=<masqué>, tokenTtl=" + tokenTtl + "]";
	}
}
