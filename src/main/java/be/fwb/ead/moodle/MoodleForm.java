package be.fwb.ead.moodle;

import java.util.List;
import java.util.function.BiConsumer;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Builds the form body of one Moodle REST call, with PHP bracket encoding for lists and structures
 * ({@code ids[0]=12}, {@code options[0][name]=x}). Moodle rejects unknown keys, so only what a function declares
 * may be added.
 */
final class MoodleForm {

	private final MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();

	static MoodleForm call(String function, String token) {
		MoodleForm form = new MoodleForm();
		form.fields.add("wstoken", token);
		form.fields.add("wsfunction", function);
		form.fields.add("moodlewsrestformat", "json");
		return form;
	}

	MoodleForm param(String name, String value) {
		fields.add(name, value);
		return this;
	}

	MoodleForm list(String name, List<String> values) {
		for (int i = 0; i < values.size(); i++) {
			fields.add(name + "[" + i + "]", values.get(i));
		}
		return this;
	}

	/** Adds {@code name[i][...]} for each item, the item's own keys written by {@code writer}. */
	<T> MoodleForm structures(String name, List<T> items, BiConsumer<T, Item> writer) {
		for (int i = 0; i < items.size(); i++) {
			writer.accept(items.get(i), new Item(name + "[" + i + "]"));
		}
		return this;
	}

	/** Adds {@code options[i][name]=..&options[i][value]=..}, Moodle's name/value option list. */
	MoodleForm options(String name, List<String[]> nameValues) {
		return structures(name, nameValues, (nv, item) -> item.put("name", nv[0]).put("value", nv[1]));
	}

	MultiValueMap<String, String> fields() {
		return fields;
	}

	/** The keys of one structure in a list. */
	final class Item {
		private final String prefix;

		private Item(String prefix) {
			this.prefix = prefix;
		}

		Item put(String key, String value) {
			fields.add(prefix + "[" + key + "]", value);
			return this;
		}

		Item list(String key, List<String> values) {
			for (int i = 0; i < values.size(); i++) {
				fields.add(prefix + "[" + key + "][" + i + "]", values.get(i));
			}
			return this;
		}
	}
}
