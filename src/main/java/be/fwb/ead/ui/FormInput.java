package be.fwb.ead.ui;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

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

	/** A day written as people write it, where a browser without a date picker lets them type it. */
	private static final DateTimeFormatter DAY_MONTH_YEAR = DateTimeFormatter.ofPattern("d/M/uuuu")
		.withResolverStyle(ResolverStyle.STRICT);

	/**
	 * A date field: {@code 2026-09-01} as browsers send it, or {@code 01/09/2026} as a person types it where there is no
	 * date picker; {@literal null} when empty. An unreadable date, one that does not exist (31/02) or one out of the
	 * limits is refused beside its field, in the words of every other form's refusal.
	 */
	public static @Nullable LocalDate date(MultiValueMap<String, String> form, String name) {
		String value = form.getFirst(name);
		return value == null || value.isBlank() ? null : day(value, name);
	}

	/** A day typed in the field {@code field} (2026-09-01 or 01/09/2026), refused beside it as {@link #date} says. */
	public static LocalDate day(String value, String field) {
		String text = value.trim();
		LocalDate day = null;
		if (text.length() <= 32) {
			try {
				day = text.contains("/") ? LocalDate.parse(text, DAY_MONTH_YEAR) : LocalDate.parse(text);
			}
			catch (DateTimeParseException e) {
				day = null;
			}
		}
		if (day == null || day.isBefore(InputLimits.EARLIEST) || day.isAfter(InputLimits.LATEST)) {
			throw InvalidRequest.ofField(field, "Valeur non reconnue : « " + InputLimits.shorten(text)
					+ " » (attendu : une date existante, écrite comme 01/09/2026, entre " + InputLimits.EARLIEST.getYear() + " et "
					+ InputLimits.LATEST.getYear() + ").");
		}
		return day;
	}

	/** A number field; 0 when empty; refused beside its field when it is not a whole number. */
	public static int number(MultiValueMap<String, String> form, String name) {
		String value = form.getFirst(name);
		try {
			return value == null || value.isBlank() ? 0 : Integer.parseInt(value.trim());
		}
		catch (NumberFormatException e) {
			throw InvalidRequest.ofField(name, "Valeur non reconnue : « " + InputLimits.shorten(value)
					+ " » (attendu : un nombre entier).");
		}
	}

	/** A text field, trimmed; "" when absent. */
	public static String text(MultiValueMap<String, String> form, String name) {
		String value = form.getFirst(name);
		return value == null ? "" : value.trim();
	}

	/** A whole number typed in a form; {@link InvalidRequest} saying "{@code what} « value » n’est pas un nombre entier." */
	public static int integer(String value, String what) {
		try {
			return Integer.parseInt(value.trim());
		}
		catch (NumberFormatException e) {
			throw new InvalidRequest(what + " « " + value + " » n’est pas un nombre entier.");
		}
	}
}
