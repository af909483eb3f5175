package be.fwb.ead.ui.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.http.codec.CodecCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.codec.multipart.DefaultPartHttpMessageReader;
import org.springframework.http.codec.multipart.MultipartHttpMessageReader;

/**
 * Uploads of the pages' forms (multipart): a file part larger than 256 KiB waits on disk, in one known folder
 * ({@code ead.uploads.directory}, by default {@code ead-uploads} in the system's temporary folder), never more than
 * the largest import accepts (20 MiB) per part, and is removed when the request ends, refused or not. Each import then
 * checks its own, smaller, limit.
 */
@Configuration
@org.springframework.boot.context.properties.EnableConfigurationProperties(UploadConfiguration.UploadSettings.class)
class UploadConfiguration {

	/** The largest file any import accepts (the référentiel and mapping imports). */
	static final long MAX_PART = 20L * 1024 * 1024;

	/**
	 * @param directory where file parts wait on disk during their request; empty: {@code ead-uploads} in the system's
	 * temporary folder
	 */
	@ConfigurationProperties("ead.uploads")
	record UploadSettings(@DefaultValue("") String directory) {

		Path folder() {
			return directory.isBlank() ? Path.of(System.getProperty("java.io.tmpdir"), "ead-uploads") : Path.of(directory);
		}
	}

	@Bean
	CodecCustomizer uploadLimits(UploadSettings settings) {
		return configurer -> {
			DefaultPartHttpMessageReader parts = new DefaultPartHttpMessageReader();
			parts.setMaxDiskUsagePerPart(MAX_PART);
			parts.setMaxParts(50);
			try {
				Files.createDirectories(settings.folder());
				parts.setFileStorageDirectory(settings.folder());
			}
			catch (IOException e) {
				throw new UncheckedIOException("Dossier des envois inutilisable : " + settings.folder(), e);
			}
			configurer.defaultCodecs().multipartReader(new MultipartHttpMessageReader(parts));
		};
	}
}
