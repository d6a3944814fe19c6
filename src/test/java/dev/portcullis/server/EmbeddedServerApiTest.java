package dev.portcullis.server;

import java.nio.file.Files;
import java.nio.file.Path;

/** The API contract on the embedded PostgreSQL, started empty in a temporary data folder. */
class EmbeddedServerApiTest extends ServerApiContract {

    @Override
    PortcullisServer startServer() throws Exception {
        Path dataDir = Files.createTempDirectory("portcullis-server-test");
        return ServerHarness.start(ServerHarness.config(dataDir, null, null, null, "embedded-test"));
    }
}
