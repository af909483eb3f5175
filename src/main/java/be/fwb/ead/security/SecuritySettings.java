package be.fwb.ead.security;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param adminUsername the first coordinator, created when no account exists ({@code EAD_ADMIN_USERNAME})
 * @param adminPassword its password ({@code EAD_ADMIN_PASSWORD}); never logged
 * @param tokenTtl how long a bearer token from {@code POST /api/auth/token} lives
 * @param trustedProxies the reverse proxies (addresses or CIDR ranges, {@code EAD_TRUSTED_PROXIES}) whose
 * {@code X-Forwarded-For} header gives the client's address to the sign-in throttle; empty: the header is ignored
 * @param loginMaxDelay the longest delay the sign-in throttle puts on an address with too many failures
 */
@ConfigurationProperties("ead.security")
public record SecuritySettings(@DefaultValue("") String adminUsername, @DefaultValue("") String adminPassword,
		@DefaultValue("8h") Duration tokenTtl, @DefaultValue List<String> trustedProxies,
		@DefaultValue("30s") Duration loginMaxDelay) {

	@Override
	public String toString() {
		return "SecuritySettings[adminUsername=" + adminUsername + ", adminPassword=<masqué>, tokenTtl=" + tokenTtl
				+ ", trustedProxies=" + trustedProxies + ", loginMaxDelay=" + loginMaxDelay + "]";
	}
}
