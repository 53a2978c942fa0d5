package com.novabilling.query.audit;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.util.List;

/** Chooses the folder for an aggregate type: the first supporting Spring bean (by {@code @Order}), else JSON merge. */
@Component
public class AggregateStateFolders {

    private static final AggregateStateFolder FALLBACK = new JsonMergeStateFolder();

    private final List<AggregateStateFolder> specific;

    @Autowired
    public AggregateStateFolders(ObjectProvider<AggregateStateFolder> folders) {
        this(folders.orderedStream().toList());
    }

    AggregateStateFolders(List<AggregateStateFolder> specific) {
        this.specific = List.copyOf(specific);
    }

    public AggregateStateFolder folderFor(String aggregateType) {
        return specific.stream()
                .filter(folder -> folder.supports(aggregateType))
                .findFirst()
                .orElse(FALLBACK);
    }
}
