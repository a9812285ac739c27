package io.refrain.platform.mail;

import io.refrain.platform.config.RefrainProperties;
import io.refrain.platform.db.DataDirectory;
import java.time.Clock;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** SMTP when {@code REFRAIN_SMTP_HOST} is set, otherwise the outbox directory. */
@Configuration(proxyBeanMethods = false)
class MailConfig {

    private static final Logger log = LoggerFactory.getLogger(MailConfig.class);

    @Bean(destroyMethod = "close")
    AsyncMailer mailer(RefrainProperties properties, DataDirectory dataDirectory, Clock clock) {
        RefrainProperties.Smtp smtp = properties.smtp();
        MailTransport transport;
        if (smtp.configured()) {
            log.info("Mail goes through SMTP server {}:{}", smtp.host(), smtp.port());
            transport = new SmtpMailer(smtp, clock);
        } else {
            log.info("No SMTP server configured: mail is written to {}", dataDirectory.resolve("outbox"));
            transport = new OutboxMailer(dataDirectory.resolve("outbox"), smtp.from(), clock);
        }
        return new AsyncMailer(transport, Executors.newVirtualThreadPerTaskExecutor());
    }
}
