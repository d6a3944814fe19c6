package dev.portcullis.server.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;

/**
 * Sends the alert by SMTP: {@code config.host}, {@code config.port}, {@code config.from},
 * {@code config.to}, and optionally {@code config.user} and {@code config.password}.
 */
public final class EmailChannel implements AlertChannel {

    @Override
    public void send(JsonNode config, JsonNode alert) throws MessagingException {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", config.path("host").asText("127.0.0.1"));
        properties.put("mail.smtp.port", config.path("port").asText("25"));
        properties.put("mail.smtp.connectiontimeout", "10000");
        properties.put("mail.smtp.timeout", "30000");
        boolean auth = config.hasNonNull("user");
        properties.put("mail.smtp.auth", String.valueOf(auth));
        properties.put("mail.smtp.starttls.enable", config.path("starttls").asText("false"));
        Session session = Session.getInstance(properties);
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(config.path("from").asText()));
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(config.path("to").asText()));
        message.setSubject("[portcullis] " + AlertText.of(alert));
        message.setText(alert.toPrettyString());
        if (auth) {
            Transport.send(message, config.path("user").asText(), config.path("password").asText());
        } else {
            Transport.send(message);
        }
    }
}
