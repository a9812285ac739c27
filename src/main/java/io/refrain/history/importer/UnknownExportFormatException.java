package io.refrain.history.importer;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The file is none of the {@link ExportFormat}s; the message names the file and the known formats. */
public class UnknownExportFormatException extends IllegalArgumentException {

    private final String fileName;

    public UnknownExportFormatException(String fileName, String why) {
        super("Cannot read '" + fileName + "' as a listening history: " + why + ". Known formats: "
                + Arrays.stream(ExportFormat.values())
                        .map(ExportFormat::description)
                        .collect(Collectors.joining("; ")));
        this.fileName = fileName;
    }

    public String fileName() {
        return fileName;
    }
}
