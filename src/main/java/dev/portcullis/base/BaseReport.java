package dev.portcullis.base;

import java.time.LocalDate;
import java.util.List;

/**
 * The base images of one Dockerfile or image, judged as of one date.
 *
 * @param input the Dockerfile path or image reference
 * @param asOf the date the phases are judged on
 * @param images one entry per external base image, in file order
 */
public record BaseReport(String input, LocalDate asOf, List<BaseImageAssessment> images) {

    public BaseReport {
        images = List.copyOf(images);
    }

    /** Returns a copy of the report with other judgements of its images. */
    public BaseReport withImages(List<BaseImageAssessment> judged) {
        return new BaseReport(input, asOf, judged);
    }

    public boolean hasEndOfLife() {
        return images.stream().anyMatch(BaseImageAssessment::isEndOfLife);
    }

    public boolean hasOutdated() {
        return images.stream().anyMatch(BaseImageAssessment::isOutdated);
    }
}
