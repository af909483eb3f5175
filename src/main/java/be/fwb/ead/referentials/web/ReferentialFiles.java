package be.fwb.ead.referentials.web;

import be.fwb.ead.referentials.Referentials;
import be.fwb.ead.shared.TableExport;
import org.springframework.http.ResponseEntity;
import reactor.core.publisher.Mono;

/** A référentiel's Moodle file as a download, for the page and the API alike. */
final class ReferentialFiles {

	private ReferentialFiles() {
	}

	/**
	 * The file named {@code shortname-idnumber.csv}; the raw one, for re-import into Moodle only, is named
	 * {@code shortname-idnumber-moodle-brut.csv} so that it is never taken for the other.
	 */
	static Mono<ResponseEntity<byte[]>> csv(Referentials referentials, long id, TableExport.Dialect dialect) {
		String suffix = dialect == TableExport.Dialect.MOODLE_RAW ? "-moodle-brut.csv" : ".csv";
		return referentials.find(id).zipWith(referentials.exportRows(id)).map(t -> Referentials.exportTable()
			.csvDownload(t.getT1().shortname() + "-" + t.getT1().idnumber() + suffix, t.getT2(), dialect));
	}
}
