package be.fwb.ead.ui;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;

/**
 * A request body that is a file (CSV or XLSX) read as a stream up to its import's limit: described as such in the
 * OpenAPI description, not as the buffers it is read in.
 */
@Target({ ElementType.PARAMETER, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@RequestBody(required = true, description = "Le fichier, CSV (UTF-8, « ; » ou « , ») ou XLSX.", content = {
		@Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary")),
		@Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
				schema = @Schema(type = "string", format = "binary")),
		@Content(mediaType = "application/octet-stream", schema = @Schema(type = "string", format = "binary")) })
public @interface FileBody {
}
