package be.fwb.ead.shared.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description served at {@code /v3/api-docs}, generated from the controllers. */
@Configuration
class OpenApiConfiguration {

	@Bean
	OpenAPI eadOpenApi() {
		return new OpenAPI()
			.info(new Info().title("Service EAD — vacataires et catalogue Moodle")
				.version("0.1")
				.description("Obtenez un jeton par POST /api/auth/token, puis envoyez « Authorization: Bearer … ». "
						+ "Toute erreur est un problem detail (RFC 9457) en français. Pagination : page à partir de 0."))
			.components(new Components().addSecuritySchemes("bearer",
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
			.addSecurityItem(new SecurityRequirement().addList("bearer"));
	}
}
