package be.fwb.ead.ui;

import java.time.LocalDate;

import be.fwb.ead.shared.InputLimits;
import be.fwb.ead.shared.InvalidRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.util.MultiValueMap;
import reactor.core.publisher.Mono;

/** Reading what a page's form sent: an uploaded file, a date, a number, each refused with a French message. */
public final class FormInput {

	/** An uploaded file's name and content. */
	public record Upload(String filename, byte[] bytes) {
	}

	private FormInput() {
	}

	/**
	 * The file sent as {@code name}, read whole up to {@code maxBytes}; {@link InvalidRequest} when there is none
	 * ({@code missing} says what to choose) or when it is larger.
	 */
	public static Mono<Upload> upload(MultiValueMap<String, Part> parts, String name, int maxBytes, String missing) {
		if (!(parts.getFirst(name) instanceof FilePart file)) {
			return Mono.error(new InvalidRequest(missing));
		}
		// The part's file on disk (a large upload waits there) is removed once read, refused, or abandoned by the client.
		return Mono.usingWhen(Mono.just(file), f -> DataBufferUtils.join(f.content(), maxBytes)
			.map(buffer -> {
				byte[] bytes = new byte[buffer.readableByteCount()];
				buffer.read(bytes);
				DataBufferUtils.release(buffer);
				return new Upload(f.filename(), bytes);
			})
			.onErrorMap(DataBufferLimitException.class,
					e -> new InvalidRequest("Le fichier dépasse " + maxBytes / (1024 * 1024) + " Mo.")),
				FilePart::delete, (f, e) -> f.delete(), FilePart::delete);
	}

	/**
	 * A file sent as a request's whole body (the API's imports), read up to {@code maxBytes}, the import's own limit;
	 * {@link InvalidRequest} when it is larger, before more of it is read.
	 */
	public static Mono<byte[]> body(org.reactivestreams.Publisher<org.springframework.core.io.buffer.DataBuffer> body, int maxBytes) {
		return DataBufferUtils.join(body, maxBytes)
			.map(buffer -> {
				byte[] bytes = new byte[buffer.readableByteCount()];
				buffer.read(bytes);
				DataBufferUtils.release(buffer);
				return bytes;
			})
			.defaultIfEmpty(new byte[0])
			.onErrorMap(DataBufferLimitException.class,
					e -> new InvalidRequest("Le fichier dépasse " + maxBytes / (1024 * 1024) + " Mo."));
	}

	/** A date field ({@code 2026-09-01}, as browsers send it); {@literal null} when empty. */
	public static @Nullable LocalDate date(MultiValueMap<String, String> form, String name) {
		String value = form.getFirst(name);
		return value == null || value.isBlank() ? null : InputLimits.date(value);
	}

	/** A number field; 0 when empty. */
	public static int number(MultiValueMap<String, String> form, String name) {
		String value = form.getFirst(name);
		try {
			return value == null || value.isBlank() ? 0 : Integer.parseInt(value.trim());
		}
		catch (NumberFormatException e) {
			throw new InvalidRequest("Nombre invalide : « " + value + " ».");
		}
	}

	/** A text field, trimmed; "" when absent. */
	public static String text(MultiValueMap<String, String> form, String name) {
		String value = form.getFirst(name);
		return value == null ? "" : value.trim();
	}

	/** A whole number typed in a form; {@link InvalidRequest} saying "{@code what} « value » n'est pas un nombre entier." */
	public static int integer(String value, String what) {
		try {
			return Integer.parseInt(value.trim());
		}
		catch (NumberFormatException e) {
			throw new InvalidRequest(what + " « " + value + " » n'est pas un nombre entier.");
		}
	}
}
