package io.refrain.platform.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document's header: description, conventions, and the bearer-token scheme. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    private static final String DESCRIPTION = """
            Refrain: a self-hostable, multi-user music platform.

            Conventions: JSON over `/api/v1`. Every error is RFC 9457 `application/problem+json` \
            with a stable `type` (`urn:refrain:problem:<slug>`), a human `detail`, a `requestId`, \
            and for validation failures an `errors` array of `{field, message}`. \
            Request bodies are limited to `REFRAIN_MAX_BODY_SIZE` (default 1 MB, 413 above). \
            Unknown JSON fields are refused (400). Rate-limited endpoints answer 429 with `Retry-After`. \
            Any endpoint may answer 503 `service-unavailable` with `Retry-After` (seconds) when the server \
            is overloaded (too many requests in flight, or no database connection free in time): the \
            request was fine, send it again after that delay.

            Authentication: `Authorization: Bearer <accessToken>`; access tokens live 15 minutes, \
            refresh tokens 30 days and rotate on every use.""";

    @Bean
    OpenAPI refrainOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Refrain API").version("v1").description(DESCRIPTION))
                .components(new Components()
                        .addSecuritySchemes(
                                "bearer",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
