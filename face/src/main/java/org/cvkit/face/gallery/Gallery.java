package org.cvkit.face.gallery;

import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An immutable gallery of enrolled people: enroll from one embedding (one-shot) or several, verify a probe against
 * one person (1:1), identify it among everyone (1:N), remove people. Changes return a new gallery, so one gallery
 * can be shared between threads (e.g. a capture loop and a user interface).
 *
 * <p>All embeddings belong to one {@link EmbeddingSpace} (encoder and dimension); how they are compared is the
 * {@link MatchPolicy}. Names are case-sensitive; people are listed in name order.
 */
public final class Gallery {

    private static final Comparator<Match> NEAREST_FIRST =
            Comparator.comparingDouble(Match::distance).thenComparing(Match::name);

    private final EmbeddingSpace space;
    private final MatchPolicy policy;
    private final SortedMap<String, EnrolledPerson> people;

    private Gallery(EmbeddingSpace space, MatchPolicy policy, SortedMap<String, EnrolledPerson> people) {
        this.space = Objects.requireNonNull(space, "space");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.people = Collections.unmodifiableSortedMap(people);
    }

    /**
     * @param space  the encoder and dimension of the embeddings the gallery will hold
     * @param policy how probes are compared and accepted
     * @return a gallery without people
     */
    public static Gallery empty(EmbeddingSpace space, MatchPolicy policy) {
        return new Gallery(space, policy, new TreeMap<>());
    }

    /**
     * @param space  the encoder and dimension of the embeddings
     * @param policy how probes are compared and accepted
     * @param people the people, with distinct names and embeddings of the space's dimension
     * @return a gallery of those people
     * @throws IllegalArgumentException if a name occurs twice or an embedding does not fit the space
     */
    static Gallery of(EmbeddingSpace space, MatchPolicy policy, Collection<EnrolledPerson> people) {
        SortedMap<String, EnrolledPerson> byName = new TreeMap<>();
        for (EnrolledPerson person : people) {
            person.embeddings().forEach(space::requireCompatible);
            if (byName.put(person.name(), person) != null) {
                throw new IllegalArgumentException("'" + person.name() + "' is enrolled twice");
            }
        }
        return new Gallery(space, policy, byName);
    }

    /** @return the encoder and dimension of the embeddings held */
    public EmbeddingSpace space() {
        return space;
    }

    /** @return how probes are compared and accepted */
    public MatchPolicy policy() {
        return policy;
    }

    /**
     * @param newPolicy how probes are to be compared and accepted, e.g. with a calibrated threshold
     * @return this gallery's people under that policy
     */
    public Gallery withPolicy(MatchPolicy newPolicy) {
        return new Gallery(space, newPolicy, new TreeMap<>(people));
    }

    /**
     * Enrolls a person, or adds embeddings to one already enrolled under that name.
     *
     * @param name       the person's name: not blank, without leading or trailing white space
     * @param embeddings one embedding (one-shot enrollment) or several, of the gallery's dimension
     * @return a gallery with the person enrolled
     * @throws IllegalArgumentException if the name is not usable, no embedding is given or one has the wrong
     *                                  dimension
     */
    public Gallery enroll(String name, List<Embedding> embeddings) {
        EnrolledPerson added = new EnrolledPerson(name, embeddings);
        added.embeddings().forEach(space::requireCompatible);
        SortedMap<String, EnrolledPerson> changed = new TreeMap<>(people);
        changed.merge(name, added, (enrolled, more) -> enrolled.withMore(more.embeddings()));
        return new Gallery(space, policy, changed);
    }

    /**
     * @param name an enrolled person's name
     * @return a gallery without that person
     * @throws UnknownPersonException if nobody of that name is enrolled
     */
    public Gallery remove(String name) {
        require(name);
        SortedMap<String, EnrolledPerson> changed = new TreeMap<>(people);
        changed.remove(name);
        return new Gallery(space, policy, changed);
    }

    /** @return everyone enrolled, in name order */
    public List<EnrolledPerson> people() {
        return List.copyOf(people.values());
    }

    /**
     * @param name a name
     * @return the person enrolled under it, if any
     */
    public Optional<EnrolledPerson> person(String name) {
        return Optional.ofNullable(people.get(name));
    }

    /** @return how many people are enrolled */
    public int size() {
        return people.size();
    }

    /**
     * 1:1 verification: is the probe the named person?
     *
     * @param name  an enrolled person's name
     * @param probe an embedding of the gallery's dimension
     * @return the distance to the person and whether it is accepted
     * @throws UnknownPersonException   if nobody of that name is enrolled
     * @throws IllegalArgumentException if the probe has the wrong dimension
     */
    public Verification verify(String name, Embedding probe) {
        space.requireCompatible(probe);
        return new Verification(name, distance(require(name), probe), policy.threshold());
    }

    /**
     * 1:N identification: who among the enrolled people is the probe?
     *
     * @param probe an embedding of the gallery's dimension
     * @return the nearest person and the runner-up with their distances; unknown when nobody is within the
     *         threshold. Equal distances are ordered by name.
     * @throws IllegalArgumentException if the probe has the wrong dimension
     */
    public Identification identify(Embedding probe) {
        space.requireCompatible(probe);
        List<Match> ranked = people.values().stream()
                .map(person -> new Match(person.name(), distance(person, probe)))
                .sorted(NEAREST_FIRST)
                .limit(2)
                .toList();
        return new Identification(ranked.stream().findFirst(), ranked.stream().skip(1).findFirst(),
                policy.threshold());
    }

    private double distance(EnrolledPerson person, Embedding probe) {
        return policy.personDistance().between(policy.metric(), probe, person.embeddings());
    }

    private EnrolledPerson require(String name) {
        EnrolledPerson person = people.get(name);
        if (person == null) {
            throw new UnknownPersonException(name, people.size());
        }
        return person;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Gallery gallery && space.equals(gallery.space) && policy.equals(gallery.policy)
                && people.equals(gallery.people);
    }

    @Override
    public int hashCode() {
        return Objects.hash(space, policy, people);
    }

    @Override
    public String toString() {
        return "Gallery[" + space + ", " + policy + ", " + people.size() + " people]";
    }
}
