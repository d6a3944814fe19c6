package dev.portcullis.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.portcullis.server.ServerHarness.Pkg;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;

/**
 * The dashboard in headless Chromium (Debian's chromium and chromium-driver): log in with a key, open
 * the image list and an image, record a decision and see the finding move to its new verdict.
 * Screenshots go to target/screenshots. Feeds: ../shared/vulndata/ghsa/npm.
 */
class BrowserDashboardTest {

    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @Test
    void shouldMoveFindingAfterDecision(@TempDir Path temp) throws Exception {
        assumeTrue(Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM),
                "chromium and chromium-driver are not installed (apt-get install chromium chromium-driver)");
        try (PortcullisServer server = ServerHarness.start(ServerHarness.config(temp.resolve("data"), null, null, null,
                "browser-test"))) {
            String admin = server.bootstrapKey().orElseThrow();
            ServerHarness.postJson(server, "/api/v1/admin/vulndb/import", admin,
                    "{\"path\":\"" + Path.of("../shared/vulndata/ghsa/npm").toAbsolutePath() + "\"}");
            ServerHarness.send(server, "POST", "/api/v1/scans?project=shop&image=shop/api&tag=production", admin,
                    "application/json", ServerHarness.sbom("shop/api", List.of(new Pkg("npm", "lodash", "4.17.15")))
                            .getBytes(StandardCharsets.UTF_8));
            ServerHarness.send(server, "POST", "/api/v1/scans?project=shop&image=shop/api&tag=production", admin,
                    "application/json", ServerHarness.sbom("shop/api", List.of(new Pkg("npm", "lodash", "4.17.15"),
                            new Pkg("npm", "express", "4.17.1"))).getBytes(StandardCharsets.UTF_8));
            String base = "http://127.0.0.1:" + server.port();

            WebDriver browser = chromium(temp.resolve("profile"));
            try {
                browser.get(base + "/");
                assertThat(browser.getCurrentUrl()).endsWith("/login");
                browser.findElement(By.id("apiKey")).sendKeys(admin);
                browser.findElement(By.id("login")).click();
                // The login page has an h1 too; reading it while the redirect replaces the page is stale.
                new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(10))
                        .until(driver -> !driver.getCurrentUrl().endsWith("/login"));

                assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Images");
                assertThat(browser.findElement(By.id("images")).getText()).contains("shop/api");
                screenshot(browser, "dashboard.png");

                browser.findElement(By.linkText("shop/api")).click();
                assertThat(browser.findElement(By.id("verdict-AFFECTED")).getText()).contains("CVE-2020-8203");
                assertThat(browser.findElements(By.tagName("svg"))).hasSize(1);
                screenshot(browser, "image.png");

                WebElement row = browser.findElement(By.cssSelector("tr.finding[data-vuln='CVE-2020-8203']"));
                new Select(row.findElement(By.name("verdict"))).selectByVisibleText("NOT_AFFECTED");
                new Select(row.findElement(By.name("justification")))
                        .selectByVisibleText("vulnerable_code_not_in_execute_path");
                row.findElement(By.name("reason")).sendKeys("merge never sees user input");
                row.findElement(By.cssSelector("button[type=submit]")).click();

                assertThat(browser.findElement(By.id("verdict-NOT_AFFECTED")).getText())
                        .contains("CVE-2020-8203").contains("merge never sees user input");
                assertThat(browser.findElement(By.id("verdict-AFFECTED")).getText()).doesNotContain("CVE-2020-8203");
                screenshot(browser, "image-after-decision.png");
                long imageId = ServerHarness.get(server, "/api/v1/images", admin).json().path("items").get(0)
                        .path("id").asLong();
                var decision = ServerHarness.get(server, "/api/v1/images/" + imageId + "/decisions", admin).json()
                        .path("items").get(0);
                assertThat(decision.path("justification").asText()).isEqualTo("vulnerable_code_not_in_execute_path");

                browser.findElement(By.id("diff-latest")).click();
                assertThat(browser.findElement(By.id("added")).getText()).contains("CVE-2024-29041");
            } finally {
                browser.quit();
            }
        }
    }

    private static WebDriver chromium(Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run",
                "--user-data-dir=" + profile, "--window-size=1280,900");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
        return driver;
    }

    private static void screenshot(WebDriver browser, String name) throws Exception {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Path target = Path.of("target", "screenshots", name);
        Files.createDirectories(target.getParent());
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }
}
