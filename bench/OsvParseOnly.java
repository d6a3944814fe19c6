import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.zip.ZipFile;

/**
 * The parse-only baseline of bench/db-bench.sh: reads every {@code .json} entry of an OSV zip into a
 * Jackson tree and counts the records and affected entries, storing nothing. Run it as a source file
 * with the product's libraries, so its JVM start-up matches that of {@code portcullis db import}:
 * <pre>java -cp 'target/dist/lib/*' bench/OsvParseOnly.java /tmp/osv.zip</pre>
 */
final class OsvParseOnly {

    public static void main(String[] arguments) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        long records = 0;
        long affected = 0;
        try (ZipFile zip = new ZipFile(Path.of(arguments[0]).toFile())) {
            var entries = zip.entries();
            while (entries.hasMoreElements()) {
                var entry = entries.nextElement();
                if (!entry.getName().endsWith(".json")) {
                    continue;
                }
                JsonNode record = mapper.readTree(zip.getInputStream(entry));
                records++;
                affected += record.path("affected").size();
            }
        }
        System.out.println(records + " records, " + affected + " affected entries");
    }
}
