package io.refrain.platform.web;

import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;

/**
 * Tomcat answers some malformed requests itself, before Spring sees them (a NUL or a bad escape
 * in the path, an encoded slash, …), with its HTML error page. This valve, put in place of
 * Tomcat's own by {@link TomcatErrorPages}, writes the same status as problem+json (ListenBrainz's
 * error JSON under {@code /1/}), with no server details. It has no Spring context: it writes
 * the document by hand.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        String reason = known == null ? "Error" : known.getReasonPhrase();
        String uri = request.getDecodedRequestURI();
        boolean listenBrainz = uri != null && uri.startsWith("/1/");
        try {
            response.setContentType(listenBrainz ? "application/json" : "application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer == null) {
                return;
            }
            if (listenBrainz) {
                writer.write("{\"code\":" + status + ",\"error\":\"" + reason + ".\"}");
            } else {
                String slug = status == 404 ? "not-found" : status >= 500 ? "internal-error" : "malformed-request";
                writer.write("{\"type\":\"urn:refrain:problem:" + slug + "\",\"title\":\"" + reason + "\",\"status\":"
                        + status + ",\"detail\":\"The request could not be read: " + reason.toLowerCase() + ".\"}");
            }
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // the connection is gone or the response is committed: nothing more to say
        }
    }
}
