package be.fwb.ead.ui.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description served at {@code /v3/api-docs}, generated from the controllers. */
@Configuration
@org.springframework.boot.context.properties.EnableConfigurationProperties(OpenApiConfiguration.WebSettings.class)
class OpenApiConfiguration {

	/**
	 * @param publicUrl the address users reach the service at ({@code EAD_PUBLIC_URL}, e.g. {@code https://ead.example.be}):
	 * the OpenAPI description's server and Swagger's OAuth2 return address come from it, never from a request's
	 * {@code Host} header (which anyone may write)
	 */
	@org.springframework.boot.context.properties.ConfigurationProperties("ead.web")
	record WebSettings(@org.springframework.boot.context.properties.bind.DefaultValue("http://localhost:8080") String publicUrl) {

		String root() {
			return publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
		}
	}

	@Bean
	OpenAPI eadOpenApi(WebSettings web) {
		return new OpenAPI()
			.addServersItem(new io.swagger.v3.oas.models.servers.Server().url(web.root()).description("Service EAD"))
			.info(new Info().title("Service EAD — vacataires et catalogue Moodle")
				.version("0.1")
				.description("Obtenez un jeton par POST /api/auth/token, puis envoyez « Authorization: Bearer … ». "
						+ "Toute erreur est un problem detail (RFC 9457) en français. Pagination : page à partir de 0."))
			.components(new Components().addSecuritySchemes("bearer",
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
			.addSecurityItem(new SecurityRequirement().addList("bearer"));
	}
}
