package be.fwb.ead.referentials.web;

import java.time.ZoneId;
import java.util.List;

import be.fwb.ead.referentials.MappingFiles;
import be.fwb.ead.shared.TableExport;
import be.fwb.ead.shared.TableExport.Column;

/** The columns of a mappings file: the three an import reads, then what helps a person read it. */
final class MappingExport {

	private MappingExport() {
	}

	static TableExport<MappingFiles.Line> table(ZoneId zone) {
		return new TableExport<>(List.of(new Column<MappingFiles.Line>(MappingFiles.MODULE, MappingFiles.Line::moduleShortname),
				new Column<MappingFiles.Line>(MappingFiles.COMPETENCY, MappingFiles.Line::competencyIdnumber),
				new Column<MappingFiles.Line>(MappingFiles.DEPTH, MappingFiles.Line::depthLabel),
				new Column<MappingFiles.Line>("Module", MappingFiles.Line::moduleFullname),
				new Column<MappingFiles.Line>("Compétence", MappingFiles.Line::competencyShortname),
				new Column<MappingFiles.Line>("Par", MappingFiles.Line::mappedBy),
				new Column<MappingFiles.Line>("Le", MappingFiles.Line::mappedAt)), zone);
	}
}
